import { explainSignIn } from './explain.js';
import { Totp } from './totp.js';
import { $, busy, notice, show } from './view.js';

const ADMIN_WHY = 'You were in Admins without a second factor, so you have been taken out of it: administrator '
  + 'rights need one. Set up an authenticator app (any TOTP app) now; then another administrator can make you an '
  + 'administrator again.';
const CHALLENGE_WHY = 'This app requires a second factor for everyone: set up an authenticator app (any TOTP app) to '
  + 'finish signing in.';
const OWN_WHY = 'Scan the code with your authenticator app (any TOTP app), then enter the code it shows.';
export const SIGN_IN_AGAIN = 'Two-factor sign-in is on, and your other sessions have ended. Sign in again with a '
  + 'code from your authenticator app.';

/**
 * The second factor's screens: the code prompt when Cognito asks for one, the set-up (QR code of the otpauth URI,
 * the secret as text, a code to confirm) for an administrator without TOTP, for a pool that requires MFA, or for
 * anyone who turns it on; and the workspace's on/off switch. After a set-up with a token, every sign-in of the user
 * ends (GlobalSignOut) and they sign in again, with a code: the administrator's rights come from that sign-in.
 */
export class SecondFactorScreens {
  /**
   * `proceed(step)` continues a sign-in at its next step; `signInAgain(message)` shows the sign-in form;
   * `afterSetUp(message)` ends what is left of the session once TOTP is on (the hosted UI's own too).
   */
  constructor(session, proceed, signInAgain, afterSetUp) {
    this.session = session;
    this.totp = new Totp(session);
    this.proceed = proceed;
    this.signInAgain = signInAgain;
    this.afterSetUp = afterSetUp;
    this.mode = null; // 'admin' | 'challenge' | 'own'
    $('mfa-code').addEventListener('submit', (event) => this.onCode(event));
    $('totp-setup').addEventListener('submit', (event) => this.onConfirm(event));
    $('totp-later').addEventListener('click', () => this.later());
    $('totp-on').addEventListener('click', () => this.setUp('own'));
    $('totp-off').addEventListener('click', () => this.turnOff());
  }

  hide() {
    ['mfa-code', 'totp-setup', 'security'].forEach((id) => show(id, false));
  }

  askCode() {
    show('sign-in', false);
    show('mfa-code', true);
    $('mfa-code-input').value = '';
    $('mfa-code-input').focus();
  }

  /** The set-up screen: a new secret, as a QR code and as text. */
  async setUp(mode) {
    this.mode = mode;
    try {
      const enrolment = mode === 'challenge' ? await this.session.beginSetupChallenge() : await this.totp.begin();
      $('totp-why').textContent = { admin: ADMIN_WHY, challenge: CHALLENGE_WHY, own: OWN_WHY }[mode];
      $('totp-qr').src = enrolment.qr;
      $('totp-secret').textContent = enrolment.secret;
      $('totp-uri').href = enrolment.uri;
      $('totp-setup-code').value = '';
      // "Not now" only where something is left without administrator rights: another group's role.
      show('totp-later', mode === 'own' || (mode === 'admin' && this.session.memberships.some((g) => g !== 'Admins')));
      ['sign-in', 'workspace', 'users', 'security'].forEach((id) => show(id, false));
      show('totp-setup', true);
      $('totp-setup-code').focus();
    } catch (error) {
      notice(explainSecondFactor(error));
    }
  }

  async onCode(event) {
    event.preventDefault();
    await this.step($('mfa-code').querySelector('button'), async () => {
      const next = await this.session.answerCode($('mfa-code-input').value.trim());
      show('mfa-code', false);
      await this.proceed(next);
    });
  }

  async onConfirm(event) {
    event.preventDefault();
    const code = $('totp-setup-code').value.trim();
    await this.step($('totp-setup').querySelector('button[type=submit]'), async () => {
      if (this.mode === 'challenge') {
        const next = await this.session.confirmSetupChallenge(code);
        show('totp-setup', false);
        await this.proceed(next);
        return;
      }
      await this.totp.confirm(code);
      await this.totp.signOutEverywhere();
      show('totp-setup', false);
      this.afterSetUp(SIGN_IN_AGAIN);
    });
  }

  /** "Not now": an administrator goes on with their other group's role, if any; "own" back to the workspace. */
  async later() {
    show('totp-setup', false);
    if (this.mode === 'own') {
      show('workspace', true);
      await this.showState();
      return;
    }
    await this.step($('totp-later'), async () => this.proceed(await this.session.continueWithoutAdmin()));
  }

  /** The workspace's switch: TOTP on or off for the signed-in user. */
  async showState() {
    show('security', true);
    try {
      const on = await this.totp.enabled();
      const admin = this.session.memberships.includes('Admins');
      $('totp-state').textContent = on ? 'Two-factor sign-in is on: every sign-in asks for a code from your app.'
        : 'Two-factor sign-in is off.';
      show('totp-on', !on);
      show('totp-off', on);
      $('totp-off').disabled = admin;
      $('totp-off-why').hidden = !(on && admin);
    } catch (error) {
      $('totp-state').textContent = explainSecondFactor(error);
    }
  }

  async turnOff() {
    if (this.session.memberships.includes('Admins')) {
      return; // the button is disabled, and says why, while the user is in Admins
    }
    await this.step($('totp-off'), async () => {
      await this.totp.prefer(false);
      await this.showState();
    });
  }

  async step(button, work) {
    busy(button, true);
    notice('');
    try {
      await work();
    } catch (error) {
      if (error.name === 'NotAuthorizedException' && /session/i.test(error.message)) {
        this.hide();
        this.signInAgain(explainSecondFactor(error)); // the challenge is over: start again
        return;
      }
      notice(explainSecondFactor(error));
    } finally {
      busy(button, false);
    }
  }
}

/** A refused code or set-up, in words. */
export function explainSecondFactor(error) {
  switch (error.name) {
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return 'That code is not right. Enter the code your authenticator app shows now (it changes every 30 seconds).';
    case 'ExpiredCodeException':
      return 'That code was used already. Wait for the next one in your authenticator app.';
    case 'NotAuthorizedException':
      return error.message.includes('session') ? 'The sign-in took too long. Please sign in again.'
        : explainSignIn(error);
    default:
      return explainSignIn(error);
  }
}
