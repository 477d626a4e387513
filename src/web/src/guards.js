// What the Users screen refuses to do, whatever IAM would allow (IAM has no condition on the target user or group,
// docs/browser-app.md): an administrator does not take away their own access by a click, and the pool keeps
// an enabled administrator. Checked in the browser just before the call, with a fresh list of the administrators.

/** A refusal by the screen itself; its message is the sentence shown. */
export class Refused extends Error {
  constructor(message) {
    super(message);
    this.name = 'Refused';
  }
}

/**
 * Why `action` ('move', 'disable', 'reset', 'sign-out', 'reset-totp') on `user` ({username, groups, enabled}) must not go ahead,
 * or null. `me` is the signed-in administrator's username, `enabledAdmins` the usernames of the enabled members of
 * Admins now, `toGroup` a move's target group (null: no group).
 */
export function refusal(action, user, me, enabledAdmins, toGroup = null) {
  const name = user.username;
  const demotes = action === 'move' && user.groups.includes('Admins') && toGroup !== 'Admins';
  // The last enabled administrator first: it is what the person has to change (add one) before anything else.
  const lastAdmin = enabledAdmins.length === 1 && enabledAdmins[0] === name;
  if (lastAdmin && (demotes || action === 'disable')) {
    return `${name} is the last enabled administrator: make another user an administrator first, so that the pool `
      + 'keeps one.';
  }
  if (name === me) {
    if (demotes) {
      return 'You cannot take yourself out of Admins here: another administrator has to do it, so that nobody '
        + 'locks themselves out by mistake.';
    }
    if (action === 'disable') {
      return 'You cannot disable yourself here: another administrator has to do it.';
    }
    if (action === 'reset') {
      return 'You cannot reset your own password here: it would end your sign-in. Another administrator can.';
    }
    if (action === 'reset-totp') {
      return 'You cannot reset your own two-factor sign-in here: it would withhold your administrator rights. '
        + 'Another administrator can.';
    }
    if (action === 'sign-out') {
      return 'You cannot sign yourself out everywhere here: use Sign out for this tab, or ask another administrator.';
    }
  }
  return null;
}
