import './style.css';
import { TestApi } from './api.js';
import { Calls } from './calls.js';
import { loadConfig } from './config.js';
import { explain, explainHostedSignIn, explainSignIn, shown } from './explain.js';
import { HostedUi } from './hostedui.js';
import { renderItem } from './items.js';
import { groupOfRole } from './roles.js';
import { SecondFactorScreens } from './secondfactor.js';
import { Session } from './session.js';
import { UsersScreen } from './users.js';
import { $, busy, notice, show, status } from './view.js';

const PAGE_SIZE = 20;
const ADMIN_IN_APP = 'Administrator rights come only with a sign-in where you type your code: sign in here, not '
  + 'through the hosted UI (its session can skip the code).';
const AFTER_LOGOUT = 'notice-after-hosted-logout';
const SESSION_ENDED = 'Your session has expired or was ended. Please sign in again.';

let session;
let api;
let calls;
let hostedUi = null;
let usersScreen = null;
let secondFactor = null;
let nextToken = null;
let pendingPost = null; // { message, key }: a retried click re-sends the same Idempotency-Key
let lastAction = null;

function describeUser(apiRole) {
  const groups = session.groups.length ? session.groups.join(', ') : 'no group';
  const role = apiRole ? ` · role ${apiRole}` : '';
  $('who-text').textContent = `Signed in as ${session.username} · group ${groups}${role}`;
}

function showSignIn(message) {
  session?.clear();
  usersScreen?.hide();
  secondFactor?.hide();
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
  await Promise.all([listItems(false), secondFactor.showState()]);
}

/** A sign-in's next step (session.js): another form, the second factor's screens, or the workspace. */
async function proceed(step) {
  show('sign-in', false);
  switch (step) {
    case 'new-password':
      show('new-password', true);
      $('new-password-1').focus();
      return;
    case 'mfa-code':
      secondFactor.askCode();
      return;
    case 'mfa-setup':
      await secondFactor.setUp('challenge');
      return;
    case 'totp-setup':
      await secondFactor.setUp('admin');
      return;
    case 'admin-in-app':
      if (session.viaHostedUi) {
        // Its session could skip the code: ended through its /logout, the reason said once back here.
        await session.signOut();
        sessionStorage.setItem(AFTER_LOGOUT, ADMIN_IN_APP);
        hostedUi.signOut();
        return;
      }
      await session.signOut();
      showSignIn(ADMIN_IN_APP);
      return;
    default:
      await showWorkspace();
  }
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
    const answer = await calls.call('GET', () => api.list(PAGE_SIZE, append ? nextToken : null));
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
    const rendered = answer.body.items.map((item) => renderItem(session, item));
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
    const answer = await calls.call('POST', () => api.create(message, key));
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
    await proceed(await session.signIn($('username').value.trim(), $('password').value));
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
    const next = await session.setNewPassword(first);
    $('new-password-1').value = '';
    $('new-password-2').value = '';
    show('new-password', false);
    await proceed(next);
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
    calls = new Calls(session, api, () => showSignIn(SESSION_ENDED));
    usersScreen = new UsersScreen(config, session, () => showSignIn(SESSION_ENDED));
    secondFactor = new SecondFactorScreens(session, proceed, showSignIn, afterTotpSetUp);
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
    const said = sessionStorage.getItem(AFTER_LOGOUT);
    sessionStorage.removeItem(AFTER_LOGOUT);
    notice(said ?? '');
  }
  $('username').focus();
}

async function finishHostedSignIn(url) {
  notice('Signing in…');
  try {
    await proceed(await session.signInWithTokens(await hostedUi.finish(url)));
  } catch (error) {
    showSignIn(explainHostedSignIn(error));
  }
}

/**
 * After a TOTP set-up every sign-in of the user has ended (GlobalSignOut); a hosted-UI sign-in's own session, a
 * cookie of the hosted UI's that GlobalSignOut leaves, ends through its /logout, so that it cannot hand out new
 * tokens without the code.
 */
function afterTotpSetUp(message) {
  if (session.viaHostedUi) {
    session.clear();
    hostedUi.signOut(); // comes back here, to the sign-in form
    return;
  }
  showSignIn(message);
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
