// Enhancement only: "Copy link" copies the address (or opens the share sheet where the browser
// has one); "Print" appears only where this script runs, since without it the button would do nothing.
document.querySelectorAll("[data-print-item]").forEach((item) => { item.hidden = false; });
document.addEventListener("click", async (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
    return;
  }
  const link = event.target.closest("a[data-copy-link]");
  if (!link) return;
  if (navigator.share) {
    event.preventDefault();
    try { await navigator.share({ title: document.title, url: link.href }); } catch (error) { /* dismissed */ }
    return;
  }
  if (navigator.clipboard) {
    event.preventDefault();
    await navigator.clipboard.writeText(link.href);
    // The words come from the page (data-copied-label), in the page's language.
    link.textContent = link.dataset.copiedLabel || link.textContent;
  }
});
