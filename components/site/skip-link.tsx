/** The first focusable element: jumps past the header to the page's main content. */
export function SkipLink({ targetId }: { targetId: string }) {
  return (
    <a
      href={`#${targetId}`}
      className="fixed top-3 left-3 z-50 -translate-y-[200%] rounded-lg bg-teal-700 px-4 py-3 text-sm font-semibold text-white shadow-lg focus:translate-y-0"
    >
      Skip to content
    </a>
  );
}
