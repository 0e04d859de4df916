// Enhancement only: "Copy link" copies the address (or opens the share sheet where the browser has one).
document.addEventListener("click", async (event) => {
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
    link.textContent = "Link copied";
  }
});
