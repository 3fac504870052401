/** How appearances and opens are counted, next to the figures. */
export function CountingNote() {
  return (
    <aside
      aria-labelledby="counting-note-title"
      className="rounded-2xl border border-teal-200 bg-teal-50 p-4 text-sm text-teal-950"
    >
      <h3 id="counting-note-title" className="font-semibold">
        Counted in aggregate
      </h3>
      <p className="mt-1">
        We count how many times your profile appeared and was opened, never who. Each day keeps two
        numbers for your listing and nothing else: no names, accounts, addresses or devices.
      </p>
      <p className="mt-2">
        Not counted: your own visits to your profile, and search engines or link previews. An
        appearance is one showing on a page of search results, whether or not anyone scrolled to it.
      </p>
    </aside>
  );
}
