import { UNREAD, signedCall } from './api.js';

/** The groups an administrator moves users between, in the order the screen offers them. */
export const GROUPS = ['FullAccess', 'ReadOnlyAccess', 'Admins'];

/**
 * An /admin answer that is not a success: the function's refusal or failure ({error, message}), API Gateway's own
 * refusal (403 with only a message), or no readable answer. Its message is the sentence the screen shows.
 */
export class AdminRefused extends Error {
  constructor(answer, what) {
    super(AdminRefused.sentence(answer, what));
    this.name = 'AdminRefused';
    this.status = answer.status;
    this.code = answer.body?.error ?? null;
  }

  static sentence(answer, what) {
    if (answer.status === UNREAD) {
      return `Could not ${what}: the API could not be reached, or refused the call before it reached the function `
        + '(only the Admins role may call the administration routes).';
    }
    if (answer.status === 403 && answer.body?.error === undefined) {
      return `Refused by IAM: your role may not ${what} (only the Admins role may call the administration routes).`;
    }
    return answer.body?.message ?? `Could not ${what} (HTTP ${answer.status}).`;
  }
}

/**
 * The administration routes of this stack's API (/admin/users…), signed with SigV4 with the signed-in user's
 * credentials like /test. IAM lets only the Admins role invoke them; the function decides what an administrator may
 * do to whom and says why when it refuses. The browser holds no Cognito admin power of its own.
 */
export class UserAdmin {
  constructor(config, session) {
    this.base = new URL(config.apiUrl.endsWith('/') ? config.apiUrl : `${config.apiUrl}/`);
    this.region = config.region;
    this.session = session;
  }

  /** A page of users ({username, status, enabled, groups, totp}) and the token of the next, if any. */
  async page(token) {
    const body = await this.call('GET', 'admin/users', token ? { nextToken: token } : {}, null, 'list the users');
    return { users: body.users, next: body.nextToken ?? null };
  }

  /** A user in `group` if any; answers the temporary password the pool gave them. */
  async create(username, group) {
    const body = await this.call('POST', 'admin/users', {}, { username, group }, `create ${username}`);
    return body.temporaryPassword;
  }

  /** Into `group` alone (null: no group), judged by the function on the groups the user is in now. */
  move(username, group) {
    return this.call('PUT', `admin/users/${encodeURIComponent(username)}/group`, {}, { group }, `move ${username}`);
  }

  setEnabled(username, enabled) {
    return this.action(username, enabled ? 'enable' : 'disable');
  }

  signOutEverywhere(username) {
    return this.action(username, 'sign-out');
  }

  resetTotp(username) {
    return this.action(username, 'reset-totp');
  }

  /** A new temporary password; answers it, for the administrator to pass on. */
  async resetPassword(username) {
    return (await this.action(username, 'reset-password')).temporaryPassword;
  }

  action(username, name) {
    return this.call('POST', `admin/users/${encodeURIComponent(username)}/${name}`, {}, null, `${name} ${username}`);
  }

  async call(method, path, query, json, what) {
    const body = json === null ? null : JSON.stringify(json);
    const answer = await signedCall(this, method, path, query, body,
      body === null ? {} : { 'content-type': 'application/json' });
    if (answer.status >= 200 && answer.status < 300) {
      return answer.body;
    }
    throw new AdminRefused(answer, what);
  }
}
