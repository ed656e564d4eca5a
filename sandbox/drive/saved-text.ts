/** What the tab says once Apply saved everything it wrote: "Saved at 10:42: 6 amazon_* properties…" (English). */
export const SAVED = /Saved at .+: \d+ amazon_\* properties/;
