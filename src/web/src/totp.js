import {
  AssociateSoftwareTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import qrcode from 'qrcode-generator';

/** The issuer authenticator apps list the account under (Amplify's Authenticator uses AWSCognito). */
const ISSUER = 'Test API';

/**
 * The signed-in user's TOTP authenticator, with their access token (the user pool's own authorization: IAM has no
 * say): set up (AssociateSoftwareToken, then VerifySoftwareToken with a code from the app), turned on or off
 * (SetUserMFAPreference), read (GetUser's UserMFASettingList).
 */
export class Totp {
  constructor(session) {
    this.session = session;
  }

  get userPool() {
    return this.session.userPool;
  }

  /** Whether TOTP is on for the signed-in user. */
  async enabled() {
    const me = await this.userPool.send(new GetUserCommand({ AccessToken: this.session.accessToken }));
    return (me.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
  }

  /** A new secret for the user's app: { secret, uri, qr } (qr: an SVG data URL of the otpauth URI). */
  async begin() {
    const answer = await this.userPool.send(new AssociateSoftwareTokenCommand({ AccessToken: this.session.accessToken }));
    return enrolment(answer.SecretCode, this.session.username);
  }

  /** Checks a code of the new secret, then turns TOTP on and makes it the preferred factor. */
  async confirm(code) {
    await this.userPool.send(new VerifySoftwareTokenCommand({
      AccessToken: this.session.accessToken, UserCode: code, FriendlyDeviceName: 'Authenticator app',
    }));
    await this.prefer(true);
  }

  prefer(on) {
    return this.userPool.send(new SetUserMFAPreferenceCommand({
      AccessToken: this.session.accessToken,
      SoftwareTokenMfaSettings: { Enabled: on, PreferredMfa: on },
    }));
  }

  /**
   * Ends every sign-in of the user, this one included: a session begun before TOTP was on (by whoever had the
   * password) must not renew into an administrator's rights (docs/mfa.md).
   */
  signOutEverywhere() {
    return this.userPool.send(new GlobalSignOutCommand({ AccessToken: this.session.accessToken }));
  }
}

/** What the set-up screen shows for `secret`: the otpauth URI (Key Uri Format), its QR code, and the secret. */
export function enrolment(secret, username) {
  const label = encodeURIComponent(`${ISSUER}:${username}`);
  const uri = `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(ISSUER)}`;
  const qr = qrcode(0, 'M'); // the smallest version that holds the URI
  qr.addData(uri);
  qr.make();
  // An SVG with a light margin of 4 modules (the quiet zone readers need), scaled by the page's width and height.
  const svg = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
  return { secret, uri, qr: `data:image/svg+xml;base64,${btoa(svg)}` };
}
