/** The look of a link inside text: teal, underlined, bold enough to find. */
export const TEXT_LINK =
  'font-semibold text-teal-800 underline underline-offset-2 hover:text-teal-900';
