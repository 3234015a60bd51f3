// The phone app arrives with its own issue; until then it says so plainly.
const root = document.getElementById('app');
if (root) root.textContent = 'The audience app is not built yet.';
export {};
