// The presenter console arrives with its own issue; until then it says so plainly.
const root = document.getElementById('console');
if (root) root.textContent = 'The presenter console is not built yet: open /?key=YOUR-KEY to drive the talk from the projector page.';
export {};
