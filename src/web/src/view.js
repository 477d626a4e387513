// The page's shared bits of state on screen: what is shown, the notice above the forms, the status line and a
// button's busy state. Every screen of the app writes them the same way.

export const $ = (id) => document.getElementById(id);

export function show(id, visible) {
  $(id).hidden = !visible;
}

export function notice(text) {
  $('notice').textContent = text ?? '';
  show('notice', Boolean(text));
}

export function status(text, isError = false) {
  $('status').textContent = text ?? '';
  $('status').classList.toggle('error', isError);
}

export function busy(button, on) {
  button.disabled = on;
  button.setAttribute('aria-busy', String(on));
}
