// Admin change lists too narrow for their table show each row as labelled lines (admin.css);
// the label of each cell is its column's heading. Without this script the lines show unlabelled.
document.querySelectorAll("#result_list").forEach((table) => {
  // A sorted column's heading also holds its sort priority ("1", "2"): take the text part only,
  // as written (textContent: innerText would bring the headings' CSS capitals along).
  const headings = [...table.querySelectorAll("thead th")].map((th) =>
    (th.querySelector(".text") || th).textContent.replace(/\s+/g, " ").trim(),
  );
  table.querySelectorAll("tbody tr").forEach((row) => {
    [...row.children].forEach((cell, i) => {
      if (headings[i] && !cell.classList.contains("action-checkbox")) cell.dataset.label = headings[i];
    });
  });
});
