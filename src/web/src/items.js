// One stored item as the list shows it: its message, and who wrote it when, in words (the signed-in person's own
// items as "you", everyone else's by their group, never by an id).
import { groupOfRole } from './roles.js';

export function groupOf(session, caller) {
  return groupOfRole(session.config, caller) ?? caller?.role ?? 'unknown';
}

export function renderItem(session, item) {
  const li = document.createElement('li');
  const message = document.createElement('p');
  message.className = 'message';
  message.textContent = item.message;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const mine = item.createdBy?.userSub && item.createdBy.userSub === session.claims.sub;
  const who = mine ? `${session.username} (you)` : `a ${groupOf(session, item.createdBy)} user`;
  const when = new Date(item.createdAt).toLocaleString();
  meta.textContent = `by ${who} · ${when}`;
  li.append(message, meta);
  return li;
}
