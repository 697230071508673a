/**
 * Rule packs on the options page (issue 4). Stub: the full section (list, import, enable/disable,
 * reorder, per-rule disable, validation errors, URL updates) lands here; import `PacksSection`.
 */
export function PacksSection() {
  return (
    <section data-testid="packs" aria-labelledby="packs-heading">
      <h2 id="packs-heading">Rule packs</h2>
    </section>
  );
}
