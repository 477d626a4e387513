import './style.css';
import { TestApi, UNREAD } from './api.js';
import { loadConfig } from './config.js';
import { explain, explainHostedSignIn, explainSignIn, shown } from './explain.js';
import { HostedUi } from './hostedui.js';
import { groupOfRole } from './roles.js';
import { Session, SessionExpired } from './session.js';
import { UsersScreen } from './users.js';

const PAGE_SIZE = 20;
const $ = (id) => document.getElementById(id);

let session;
let api;
let hostedUi = null;
let usersScreen = null;
let nextToken = null;
let pendingPost = null; // { message, key }: a retried click re-sends the same Idempotency-Key
let lastAction = null;

function show(id, visible) {
  $(id).hidden = !visible;
}

function notice(text) {
  $('notice').textContent = text ?? '';
  show('notice', Boolean(text));
}

function status(text, isError = false) {
  $('status').textContent = text ?? '';
  $('status').classList.toggle('error', isError);
}

function busy(button, on) {
  button.disabled = on;
  button.setAttribute('aria-busy', String(on));
}

function groupOf(caller) {
  return groupOfRole(session.config, caller) ?? caller?.role ?? 'unknown';
}

function describeUser(apiRole) {
  const groups = session.groups.length ? session.groups.join(', ') : 'no group';
  const role = apiRole ? ` · role ${apiRole}` : '';
  $('who-text').textContent = `Signed in as ${session.username} · group ${groups}${role}`;
}

function showSignIn(message) {
  session?.clear();
  usersScreen?.hide();
  nextToken = null;
  pendingPost = null;
  $('items').replaceChildren();
  status('');
  show('retry', false);
  show('workspace', false);
  show('who', false);
  show('new-password', false);
  show('sign-in', true);
  $('password').value = '';
  notice(message);
  $('username').focus();
}

async function showWorkspace() {
  notice('');
  show('sign-in', false);
  show('new-password', false);
  show('workspace', true);
  show('who', true);
  describeUser(null);
  await listItems(false);
}

function renderItem(item) {
  const li = document.createElement('li');
  const message = document.createElement('p');
  message.className = 'message';
  message.textContent = item.message;
  const meta = document.createElement('p');
  meta.className = 'meta';
  const mine = item.createdBy?.userSub && item.createdBy.userSub === session.claims.sub;
  const who = mine ? `${session.username} (you)` : `a ${groupOf(item.createdBy)} user`;
  const when = new Date(item.createdAt).toLocaleString();
  meta.textContent = `by ${who} · ${when}`;
  li.append(message, meta);
  return li;
}

/**
 * Runs a call of `method` /test. Any refusal by API Gateway, readable or not, may be credentials that expired as the
 * gateway's clock sees them: renew them and try once more (POST re-sends its Idempotency-Key, so it never stores
 * twice). An answer still unreadable is then looked into, so that a refusal is never reported as an outage, nor the
 * other way round. A session that cannot be renewed goes back to sign-in.
 */
async function call(method, request) {
  try {
    let answer = await request();
    if (answer.maybeGatewayRefusal) {
      if (answer.status === UNREAD && !(await api.reachable())) {
        answer.unread = 'unreachable';
        return answer;
      }
      await session.renew();
      answer = await request();
    }
    if (answer.status === UNREAD) {
      answer.unread = await lookInto(method);
    }
    return answer;
  } catch (error) {
    if (error instanceof SessionExpired) {
      showSignIn('Your session has expired or was ended. Please sign in again.');
      return null;
    }
    if (error instanceof TypeError) {
      status('The sign-in service could not be reached to renew your credentials. Check your connection and try '
        + 'again.', true);
      return null;
    }
    console.error('Renewing the credentials failed', error);
    status(explainSignIn(error), true);
    return null;
  }
}

/**
 * Why a call with fresh credentials got no readable answer: the API is down ('unreachable'); or it answered but not
 * readably. A readable answer to a GET (which every group may call) then shows this page may read the API's answers,
 * so the POST was refused by API Gateway ('refused'); otherwise it may also be CORS or the clock ('refused-or-origin').
 */
async function lookInto(method) {
  if (!(await api.reachable())) {
    return 'unreachable';
  }
  if (method !== 'GET' && (await api.list(1, null)).status !== UNREAD) {
    return 'refused';
  }
  return 'refused-or-origin';
}

function refused(answer, method) {
  status(explain(answer, method, session.groups, session.config.apiUrl), true);
  show('retry', answer.status === 503);
}

async function listItems(append) {
  lastAction = () => listItems(append);
  const button = append ? $('more') : $('call-get');
  busy(button, true);
  try {
    const answer = await call('GET', () => api.list(PAGE_SIZE, append ? nextToken : null));
    if (!answer) return;
    if (answer.status !== 200) {
      refused(answer, 'GET');
      return;
    }
    show('retry', false);
    describeUser(answer.body.caller?.role);
    // The Users screen is for the admin role only (IAM would refuse anyone else's calls anyway).
    const isAdmin = groupOfRole(session.config, answer.body.caller) === 'Admins';
    if (isAdmin && $('users').hidden) {
      usersScreen.show();
    } else if (!isAdmin) {
      usersScreen.hide();
    }
    const rendered = answer.body.items.map(renderItem);
    if (append) {
      $('items').append(...rendered);
    } else {
      $('items').replaceChildren(...rendered);
    }
    nextToken = answer.body.nextToken;
    show('more', Boolean(nextToken));
    status(answer.body.items.length || append ? shown($('items').children.length, 'item') : 'No items yet.');
  } finally {
    busy(button, false);
  }
}

async function postItem() {
  const message = $('message').value;
  if (!pendingPost || pendingPost.message !== message) {
    pendingPost = { message, key: crypto.randomUUID() };
  }
  lastAction = postItem;
  busy($('call-post'), true);
  try {
    const { key } = pendingPost;
    const answer = await call('POST', () => api.create(message, key));
    if (!answer) return;
    if (answer.status !== 201 && answer.status !== 200) {
      refused(answer, 'POST');
      return;
    }
    pendingPost = null;
    show('retry', false);
    $('message').value = '';
    await listItems(false);
    status(answer.headers.replayed ? 'Already stored (the retry was recognised): nothing stored twice.'
      : 'Stored. Your message is at the top of the list.');
  } finally {
    busy($('call-post'), false);
  }
}

async function onSignIn(event) {
  event.preventDefault();
  const button = event.submitter ?? $('sign-in').querySelector('button');
  busy(button, true);
  notice('');
  try {
    const outcome = await session.signIn($('username').value.trim(), $('password').value);
    if (outcome === 'new-password') {
      show('sign-in', false);
      show('new-password', true);
      $('new-password-1').focus();
      return;
    }
    await showWorkspace();
  } catch (error) {
    notice(explainSignIn(error));
  } finally {
    busy(button, false);
  }
}

async function onNewPassword(event) {
  event.preventDefault();
  const first = $('new-password-1').value;
  if (first !== $('new-password-2').value) {
    notice('The two passwords differ.');
    return;
  }
  const button = $('new-password').querySelector('button');
  busy(button, true);
  try {
    await session.setNewPassword(first);
    $('new-password-1').value = '';
    $('new-password-2').value = '';
    await showWorkspace();
  } catch (error) {
    notice(explainSignIn(error));
  } finally {
    busy(button, false);
  }
}

async function start() {
  try {
    const config = await loadConfig();
    session = new Session(config);
    api = new TestApi(config, session);
    hostedUi = HostedUi.offered(config) ? new HostedUi(config) : null;
    usersScreen = new UsersScreen(config, session,
      () => showSignIn('Your session has expired or was ended. Please sign in again.'));
  } catch (error) {
    notice(`This app is not configured: ${error.message}`);
    show('sign-in', false);
    return;
  }
  $('sign-in').addEventListener('submit', onSignIn);
  $('new-password').addEventListener('submit', onNewPassword);
  $('call-get').addEventListener('click', () => listItems(false));
  $('more').addEventListener('click', () => listItems(true));
  $('post-form').addEventListener('submit', (event) => {
    event.preventDefault();
    postItem();
  });
  $('retry').addEventListener('click', () => lastAction?.());
  $('sign-out').addEventListener('click', signOut);
  if (hostedUi) {
    show('hosted-sign-in', true);
    $('hosted-sign-in').addEventListener('click', () => hostedUi.start());
    const here = new URL(window.location.href);
    if (hostedUi.returning(here)) {
      // The code is good once: take it out of the address bar (and the history) before using it.
      window.history.replaceState(null, '', here.pathname);
      await finishHostedSignIn(here);
      return;
    }
  }
  $('username').focus();
}

async function finishHostedSignIn(url) {
  notice('Signing in…');
  try {
    await session.signInWithTokens(await hostedUi.finish(url));
    await showWorkspace();
  } catch (error) {
    showSignIn(explainHostedSignIn(error));
  }
}

async function signOut() {
  const viaHostedUi = session.viaHostedUi;
  const failure = await session.signOut(); // logged on the console when the revocation fails
  if (viaHostedUi) {
    hostedUi.signOut(); // ends the hosted UI's own session too, then comes back here
    return;
  }
  showSignIn(failure ? `Signed out here, but the sign-in could not be revoked (${failure}): it ends when its tokens`
    + ' expire.' : 'Signed out.');
}

start();
