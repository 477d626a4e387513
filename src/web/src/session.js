import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { userPoolProvider } from './config.js';
import { enrolment } from './totp.js';

/** What a sign-in step leads to: the next screen. */
const NEXT_STEP = {
  NEW_PASSWORD_REQUIRED: 'new-password', // a temporary password must be replaced first
  SOFTWARE_TOKEN_MFA: 'mfa-code', // TOTP is on: a code from the user's app
  MFA_SETUP: 'mfa-setup', // the pool requires MFA (MfaConfiguration ON) and the user has none yet
};

// Renew credentials (and the ID token) this long before they expire, so no call goes out with stale ones.
const EARLY_MS = 5 * 60 * 1000;

/** Thrown when the session cannot be renewed any more: the person has to sign in again. */
export class SessionExpired extends Error {}

/** A renewal's failure as the caller should see it: a network failure as it is, any refusal as the session's end. */
function ended(error) {
  if (error instanceof TypeError) {
    return error;
  }
  console.warn(`The session could not be renewed (${error.name}: ${error.message})`);
  return new SessionExpired(error.message);
}

/**
 * A signed-in user: user pool tokens (USER_PASSWORD_AUTH, the new-password challenge, or the hosted UI's; refresh)
 * and the identity pool's temporary credentials for the role of the user's group, renewed before they expire.
 */
export class Session {
  constructor(config) {
    this.config = config;
    this.userPool = new CognitoIdentityProviderClient({
      region: config.region,
      ...(config.cognitoIdpEndpoint ? { endpoint: config.cognitoIdpEndpoint } : {}),
    });
    this.identityPool = new CognitoIdentityClient({
      region: config.region,
      ...(config.cognitoIdentityEndpoint ? { endpoint: config.cognitoIdentityEndpoint } : {}),
    });
    this.clear();
  }

  clear() {
    this.username = null;
    this.viaHostedUi = false;
    this.idToken = null;
    this.accessToken = null;
    this.idTokenExpires = 0;
    this.refreshToken = null;
    this.identityId = null;
    this.credentials = null;
    this.challenge = null;
    this.renewing = null;
  }

  get provider() {
    return userPoolProvider(this.config);
  }

  /**
   * Signs in. Returns the next step: 'signed-in', 'totp-setup' (an administrator without TOTP: their tokens carry no
   * administrator rights until they set it up), or a challenge's ('new-password', 'mfa-code', 'mfa-setup').
   */
  async signIn(username, password) {
    const answer = await this.userPool.send(new InitiateAuthCommand({
      ClientId: this.config.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }));
    this.username = username;
    return this.step(answer);
  }

  async setNewPassword(newPassword) {
    return this.respond('NEW_PASSWORD_REQUIRED', { NEW_PASSWORD: newPassword });
  }

  /** The SOFTWARE_TOKEN_MFA challenge's answer: the code the user's app shows now. */
  async answerCode(code) {
    return this.respond('SOFTWARE_TOKEN_MFA', { SOFTWARE_TOKEN_MFA_CODE: code });
  }

  /** MFA_SETUP: a secret for the user's app, on the challenge's session (no token exists yet). */
  async beginSetupChallenge() {
    const answer = await this.userPool.send(new AssociateSoftwareTokenCommand({ Session: this.challenge }));
    this.challenge = answer.Session;
    return enrolment(answer.SecretCode, this.username);
  }

  /** MFA_SETUP: a code of the new secret verifies it (turning TOTP on), then the challenge is answered. */
  async confirmSetupChallenge(code) {
    const verified = await this.userPool.send(new VerifySoftwareTokenCommand({
      Session: this.challenge, UserCode: code, FriendlyDeviceName: 'Authenticator app',
    }));
    this.challenge = verified.Session;
    return this.respond('MFA_SETUP', {});
  }

  /** Goes on without administrator rights (their other group's role, if any): the set-up screen's "Not now". */
  async continueWithoutAdmin() {
    await this.exchange();
    return 'signed-in';
  }

  async respond(name, responses) {
    const answer = await this.userPool.send(new RespondToAuthChallengeCommand({
      ClientId: this.config.userPoolClientId,
      ChallengeName: name,
      Session: this.challenge,
      ChallengeResponses: { USERNAME: this.username, ...responses },
    }));
    return this.step(answer);
  }

  /** The next step of a sign-in answer: another challenge (its session kept), or the tokens. */
  async step(answer) {
    if (answer.ChallengeName) {
      const next = NEXT_STEP[answer.ChallengeName];
      if (!next) {
        throw new Error(`This app cannot answer the ${answer.ChallengeName} challenge.`);
      }
      this.challenge = answer.Session;
      return next;
    }
    this.challenge = null;
    return this.accept(answer.AuthenticationResult);
  }

  /** Takes the tokens a hosted-UI sign-in ended with (named as InitiateAuth names them); returns the next step. */
  async signInWithTokens(tokens) {
    this.idToken = tokens.IdToken;
    this.username = this.claims['cognito:username'];
    this.viaHostedUi = true;
    return this.accept(tokens);
  }

  /**
   * Keeps the tokens; then, unless the stack withheld administrator rights ('totp-setup': the set-up first;
   * 'admin-in-app': a sign-in with the code), the identity pool's credentials ('signed-in').
   */
  async accept(tokens) {
    this.idToken = tokens.IdToken;
    this.accessToken = tokens.AccessToken ?? this.accessToken;
    this.idTokenExpires = this.claims.exp * 1000;
    if (tokens.RefreshToken) {
      this.refreshToken = tokens.RefreshToken;
    }
    if (this.adminWithheld || this.adminNotProven) {
      return this.adminWithheld ? 'totp-setup' : 'admin-in-app';
    }
    await this.exchange();
    return 'signed-in';
  }

  /** Whether the stack left Admins out: no sign-in that asked for the code (a refresh, the hosted UI; docs/mfa.md). */
  get adminNotProven() {
    return this.claims.admin_withheld === 'totp_not_proven';
  }

  /** Whether the stack left Admins out of this ID token because the user's TOTP is off (docs/mfa.md). */
  get adminWithheld() {
    return this.claims.admin_withheld === 'totp_not_enabled';
  }

  /** The user's groups, Admins included when the stack withheld its rights (the ID token says so, `admin_withheld`). */
  get memberships() {
    const groups = this.claims['cognito:groups'] ?? [];
    return this.claims.admin_withheld && !groups.includes('Admins') ? [...groups, 'Admins'] : groups;
  }

  /**
   * Ends the sign-in where it lives, not only in this tab: RevokeToken makes the refresh token (and the access
   * tokens issued from it) useless to anyone who copied them. Returns null, or why the revocation failed (the tab
   * forgets the tokens either way; they then stop working when they expire).
   */
  async signOut() {
    const refreshToken = this.refreshToken;
    this.clear();
    if (!refreshToken) {
      return null;
    }
    try {
      await this.userPool.send(new RevokeTokenCommand({ ClientId: this.config.userPoolClientId, Token: refreshToken }));
      return null;
    } catch (error) {
      console.warn('RevokeToken failed', error);
      return error.message || String(error);
    }
  }

  /** What the ID token says about the user (read for display only; the services verify it). */
  get claims() {
    return this.idToken ? decodeClaims(this.idToken) : {};
  }

  get groups() {
    return this.claims['cognito:groups'] ?? [];
  }

  /** Credentials for signing now: renewed first when they are about to expire. */
  async current() {
    if (!this.credentials) {
      throw new SessionExpired('Not signed in.');
    }
    if (this.credentials.expiration.getTime() - Date.now() < EARLY_MS) {
      await this.renew();
    }
    return this.credentials;
  }

  /**
   * New credentials now, through the one renewal in flight if there is one: calls made together (the Users screen's
   * lists, a refused API call and the admin client) share it, so a refresh token is never spent twice at once.
   */
  renew() {
    this.renewing ??= this.renewOnce().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  /**
   * One renewal (only {@link renew} calls it): a new ID token first (refresh token) if it is about to expire, judged
   * by the token's own `exp` (ExpiresIn is not documented to be the ID token's lifetime). Any refusal along the way
   * (a revoked or expired refresh token, a deleted or disabled user: AWS does not document which error each gives)
   * ends the session: the person signs in again, the error's text goes to the console. A network failure is not a
   * refusal and is thrown as it is.
   */
  async renewOnce() {
    // An administrator's ID token is used to its end: a refresh carries no Admins (docs/mfa.md), and ends the session.
    const early = this.groups.includes('Admins') ? 0 : EARLY_MS;
    if (this.idTokenExpires - Date.now() < early) {
      let answer;
      try {
        answer = await this.userPool.send(new InitiateAuthCommand({
          ClientId: this.config.userPoolClientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: this.refreshToken },
        }));
      } catch (error) {
        throw ended(error);
      }
      this.idToken = answer.AuthenticationResult.IdToken;
      this.accessToken = answer.AuthenticationResult.AccessToken ?? this.accessToken;
      this.idTokenExpires = this.claims.exp * 1000;
      if (this.adminNotProven) {
        throw ended(new Error('Administrator rights need a new sign-in with your code.'));
      }
    }
    try {
      await this.exchange();
    } catch (error) {
      // The pool no longer takes the ID token or the identity; any other error (a misconfigured pool) is not the
      // session's and is thrown as it is.
      throw ['NotAuthorizedException', 'ResourceNotFoundException'].includes(error.name) ? ended(error) : error;
    }
  }

  /** The identity pool: the user's identity id once, then the credentials of their group's role. */
  async exchange() {
    const logins = { [this.provider]: this.idToken };
    if (!this.identityId) {
      const id = await this.identityPool.send(new GetIdCommand({
        IdentityPoolId: this.config.identityPoolId, Logins: logins,
      }));
      this.identityId = id.IdentityId;
    }
    const answer = await this.identityPool.send(new GetCredentialsForIdentityCommand({
      IdentityId: this.identityId, Logins: logins,
    }));
    const c = answer.Credentials;
    this.credentials = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration),
    };
  }
}

/** A JWT's claims (read for display and the screens' choices only; the services verify the tokens). */
function decodeClaims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}
