import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** The groups an administrator moves users between, in the order the screen offers them. */
export const GROUPS = ['FullAccess', 'ReadOnlyAccess', 'Admins'];

const PAGE_SIZE = 20;

/**
 * Cognito's admin API on this stack's user pool, called from the browser with the signed-in administrator's
 * identity-pool credentials (their group's role): IAM decides, exactly as for the API. Nothing here is trusted by
 * anyone; a user without the admin role gets AccessDeniedException for every call.
 */
export class UserAdmin {
  constructor(config, session) {
    this.poolId = config.userPoolId;
    this.client = new CognitoIdentityProviderClient({
      region: config.region,
      ...(config.cognitoIdpEndpoint ? { endpoint: config.cognitoIdpEndpoint } : {}),
      credentials: async () => ({ ...(await session.current()) }),
    });
  }

  /** A page of users ({username, status, enabled, groups}) and the token of the next, if any. */
  async page(token) {
    const [answer, memberships] = await Promise.all([
      this.client.send(new ListUsersCommand({ UserPoolId: this.poolId, Limit: PAGE_SIZE, PaginationToken: token })),
      this.memberships(),
    ]);
    const listed = answer.Users ?? [];
    // ListUsers does not say who has TOTP on: AdminGetUser does, one call per user of the page.
    const totp = await Promise.all(listed.map((user) => this.totpOn(user.Username)));
    const users = listed.map((user, i) => ({
      username: user.Username,
      status: user.UserStatus,
      enabled: user.Enabled !== false,
      groups: memberships.get(user.Username) ?? [],
      totp: totp[i],
    }));
    return { users, next: answer.PaginationToken ?? null };
  }

  /** Whether `username` has TOTP on (AdminGetUser's UserMFASettingList); null when it cannot be read now. */
  async totpOn(username) {
    try {
      const user = await this.client.send(new AdminGetUserCommand({ UserPoolId: this.poolId, Username: username }));
      return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
    } catch (error) {
      if (error.name === 'UserNotFoundException') {
        return null; // deleted since the page was listed: the row says so rather than failing the page
      }
      throw error;
    }
  }

  /**
   * Turns `username`'s TOTP off: their next sign-in takes the password alone, and, for an administrator, carries no
   * administrator rights until they set TOTP up again (the set-up screen asks them).
   */
  resetTotp(username) {
    return this.client.send(new AdminSetUserMFAPreferenceCommand({
      UserPoolId: this.poolId, Username: username, SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    }));
  }

  /** Username → groups, from each group's member list (three calls, whatever the number of users). */
  async memberships() {
    const byUser = new Map();
    for (const group of GROUPS) {
      let token;
      do {
        // eslint-disable-next-line no-await-in-loop
        const answer = await this.client.send(new ListUsersInGroupCommand({
          UserPoolId: this.poolId, GroupName: group, NextToken: token,
        }));
        (answer.Users ?? []).forEach((user) => byUser.set(user.Username, [...(byUser.get(user.Username) ?? []), group]));
        token = answer.NextToken;
      } while (token);
    }
    return byUser;
  }

  /** A user with a temporary password (no e-mail sent: the administrator passes it on), in `group` if any. */
  async create(username, temporaryPassword, group) {
    await this.client.send(new AdminCreateUserCommand({
      UserPoolId: this.poolId, Username: username, TemporaryPassword: temporaryPassword, MessageAction: 'SUPPRESS',
    }));
    if (group) {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.poolId, Username: username, GroupName: group }));
    }
  }

  /**
   * Into `group` alone (null: no group): taken out of the others first, then added. A failure half-way leaves the
   * user with less access, never more: a demoted administrator is out of Admins (precedence 0, whose role would
   * win) before anything else happens.
   */
  async move(username, from, group) {
    for (const old of from.filter((g) => g !== group)) {
      // eslint-disable-next-line no-await-in-loop
      await this.client.send(new AdminRemoveUserFromGroupCommand({
        UserPoolId: this.poolId, Username: username, GroupName: old,
      }));
    }
    if (group && !from.includes(group)) {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.poolId, Username: username, GroupName: group }));
    }
  }

  /** The groups `username` is in, read now (not from the page on screen, which another administrator may have outrun). */
  async groupsOf(username) {
    const groups = [];
    let token;
    do {
      // eslint-disable-next-line no-await-in-loop
      const answer = await this.client.send(new AdminListGroupsForUserCommand({
        UserPoolId: this.poolId, Username: username, NextToken: token,
      }));
      (answer.Groups ?? []).forEach((group) => groups.push(group.GroupName));
      token = answer.NextToken;
    } while (token);
    return groups;
  }

  /** The usernames of Admins' enabled members, read now (not from the page on screen). */
  async enabledAdmins() {
    const names = [];
    let token;
    do {
      // eslint-disable-next-line no-await-in-loop
      const answer = await this.client.send(new ListUsersInGroupCommand({
        UserPoolId: this.poolId, GroupName: 'Admins', NextToken: token,
      }));
      (answer.Users ?? []).filter((user) => user.Enabled !== false).forEach((user) => names.push(user.Username));
      token = answer.NextToken;
    } while (token);
    return names;
  }

  setEnabled(username, enabled) {
    const Command = enabled ? AdminEnableUserCommand : AdminDisableUserCommand;
    return this.client.send(new Command({ UserPoolId: this.poolId, Username: username }));
  }

  /** A new temporary password: the user's next sign-in asks for their own. */
  resetPassword(username, temporaryPassword) {
    return this.client.send(new AdminSetUserPasswordCommand({
      UserPoolId: this.poolId, Username: username, Password: temporaryPassword, Permanent: false,
    }));
  }

  signOutEverywhere(username) {
    return this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.poolId, Username: username }));
  }
}

/** 20 random characters with an upper and lower case letter, a digit and a symbol (the pool's policy). */
export function temporaryPassword() {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-=?@^_'];
  const random = crypto.getRandomValues(new Uint32Array(20));
  return Array.from(random, (n, i) => classes[i % 4][n % classes[i % 4].length]).join('');
}
