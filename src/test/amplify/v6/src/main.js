// A page as Amplify v6's documentation builds one: signIn with the default flow (SRP) and its next steps (a new
// password, TOTP set-up, a TOTP code: each answered with confirmSignIn), fetchAuthSession for the identity pool's
// credentials, signOut, signUp, resetPassword; the call signed with the JS SDK v3's SigV4 signer. Only the endpoints come
// from config.json (absent: AWS's own).
import { Amplify } from 'aws-amplify';
import {
  signIn, confirmSignIn, signOut, getCurrentUser, fetchAuthSession, signUp, resetPassword, confirmResetPassword,
} from 'aws-amplify/auth';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';

// Debug hook for tests: whether the page is configured, and the last error.
window.__compat = { ready: false, lastError: null };

const $ = (id) => document.getElementById(id);
let config;

function show(view) {
  for (const id of ['sign-in-form', 'new-password-form', 'signed-in', 'sign-up-form', 'reset-form',
    'confirm-reset-form', 'totp-setup-form', 'totp-code-form']) $(id).hidden = id !== view;
  $('status').hidden = true;
}

function fail(e) {
  console.log(e);
  window.__compat.lastError = String(e);
  $('auth-error').textContent = e?.message || String(e);
}

async function showSignedIn() {
  const user = await getCurrentUser();
  $('signed-in-user').textContent = user.username;
  $('api-response').textContent = '';
  $('auth-error').textContent = '';
  show('signed-in');
}

async function afterSignInStep({ isSignedIn, nextStep }) {
  if (isSignedIn || nextStep.signInStep === 'DONE') return showSignedIn();
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') {
    $('auth-error').textContent = '';
    return show('new-password-form');
  }
  if (nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') {
    $('auth-error').textContent = '';
    $('totp-setup-uri').textContent = nextStep.totpSetupDetails.getSetupUri('Amplify v6 page').href;
    return show('totp-setup-form');
  }
  if (nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_TOTP_CODE') {
    $('auth-error').textContent = '';
    return show('totp-code-form');
  }
  throw new Error('Unsupported sign-in step: ' + nextStep.signInStep);
}

async function callApi(method, body) {
  try {
    const { credentials } = await fetchAuthSession();
    if (!credentials) throw new Error('No AWS credentials');
    const url = new URL(config.apiUrl + '/test');
    const headers = { host: url.host };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const signer = new SignatureV4({
      credentials, region: config.region, service: 'execute-api', sha256: Sha256,
    });
    const signed = await signer.sign({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    });
    const { host, ...sendHeaders } = signed.headers; // the browser sets Host itself
    const res = await fetch(url, { method, headers: sendHeaders, body });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const data = await res.json();
    $('api-response').textContent = data.message;
    window.__compat.lastError = null;
  } catch (e) {
    console.log(e);
    window.__compat.lastError = String(e);
    $('api-response').textContent = 'Not allowed!!';
  }
}

async function start() {
  config = await (await fetch('config.json', { cache: 'no-store' })).json();
  const cognito = {
    userPoolId: config.userPoolId,
    userPoolClientId: config.userPoolClientId,
    identityPoolId: config.identityPoolId,
  };
  // The local cloud's endpoints; a deployed stack's config.json has none, and Amplify uses AWS's.
  if (config.cognitoIdpEndpoint) cognito.userPoolEndpoint = config.cognitoIdpEndpoint;
  if (config.cognitoIdentityEndpoint) cognito.identityPoolEndpoint = config.cognitoIdentityEndpoint;
  Amplify.configure({ Auth: { Cognito: cognito } });

  $('sign-in-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await afterSignInStep(await signIn({ username: $('username').value, password: $('password').value }));
    } catch (e) { fail(e); }
  });
  $('new-password-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await afterSignInStep(await confirmSignIn({ challengeResponse: $('new-password').value }));
    } catch (e) { fail(e); }
  });
  for (const [form, input] of [['totp-setup-form', 'totp-setup-code'], ['totp-code-form', 'totp-code']]) {
    $(form).addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await afterSignInStep(await confirmSignIn({ challengeResponse: $(input).value }));
      } catch (e) { fail(e); }
    });
  }
  $('show-sign-up').addEventListener('click', () => show('sign-up-form'));
  $('sign-up-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await signUp({ username: $('sign-up-username').value, password: $('sign-up-password').value });
      show('sign-in-form');
    } catch (e) { fail(e); }
  });
  $('show-reset').addEventListener('click', () => show('reset-form'));
  $('reset-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const { nextStep } = await resetPassword({ username: $('reset-username').value });
      $('code-sent').textContent = 'A code was sent to ' + nextStep.codeDeliveryDetails?.destination + '.';
      $('auth-error').textContent = '';
      show('confirm-reset-form');
    } catch (e) { fail(e); }
  });
  $('confirm-reset-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await confirmResetPassword({
        username: $('reset-username').value,
        confirmationCode: $('reset-code').value,
        newPassword: $('reset-new-password').value,
      });
      $('auth-error').textContent = 'Password changed: sign in with the new one.';
      show('sign-in-form');
    } catch (e) { fail(e); }
  });
  $('call-get').addEventListener('click', () => callApi('GET'));
  $('call-post').addEventListener('click', () =>
    callApi('POST', JSON.stringify({ message: 'hello from amplify v6 ' + Date.now() })));
  $('sign-out').addEventListener('click', async () => {
    try { await signOut(); } catch (e) { fail(e); }
    $('password').value = '';
    show('sign-in-form');
  });

  try {
    await showSignedIn(); // tokens stored from an earlier visit
  } catch {
    show('sign-in-form');
  }
  window.__compat.ready = true;
}

start().catch((e) => {
  fail(e);
  $('status').textContent = 'Failed to start: ' + e;
});
