import { GROUPS, UserAdmin, temporaryPassword } from './admin.js';
import { shown, weakPassword } from './explain.js';
import { Refused, refusal } from './guards.js';
import { SessionExpired } from './session.js';

const $ = (id) => document.getElementById(id);

// When what an administrator changes reaches the user: said where it matters (docs/browser-app.md).
const TAKES_EFFECT = 'It applies when their session renews: the app renews the ID token (which carries the groups) '
  + 'before it expires, at the latest within the hour; credentials already issued keep their role until they expire '
  + '(at most an hour). To make them sign in again sooner, sign them out everywhere.';

/** A refused or failed admin call, in words. */
export function explainAdmin(error, what) {
  switch (error.name) {
    case 'Refused':
      return error.message;
    case 'AccessDeniedException':
      return `Refused by IAM: your role may not ${what} (${error.message}).`;
    case 'UsernameExistsException':
      return 'A user with that name exists already.';
    case 'InvalidPasswordException':
      return weakPassword(error.message, 'That temporary password');
    case 'UserNotFoundException':
      return 'That user does not exist (any more).';
    case 'TypeError':
      return 'The user pool could not be reached. Check your connection and try again.';
    default:
      return `Could not ${what}: ${error.message}`;
  }
}

/**
 * The Users screen, for a user whose role is the admin role: users with their status and groups (paged), and the
 * actions an administrator needs, each one Cognito call with the administrator's own credentials.
 */
export class UsersScreen {
  constructor(config, session, onSessionEnded) {
    this.admin = new UserAdmin(config, session);
    this.session = session;
    this.onSessionEnded = onSessionEnded;
    this.next = null;
    $('create-user').addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
    $('users-more').addEventListener('click', () => this.load(true));
  }

  show() {
    $('users').hidden = false;
    return this.load(false);
  }

  hide() {
    $('users').hidden = true;
    $('users-rows').replaceChildren();
    this.say('');
  }

  say(text, isError = false) {
    $('users-status').textContent = text;
    $('users-status').classList.toggle('error', isError);
  }

  /**
   * Runs one admin action, after the screen's own check when `guarded` ([action, user, toGroup], guards.js) is given;
   * a refusal is said in words, an ended session goes back to sign-in.
   */
  async act(what, action, done, guarded = null) {
    try {
      if (guarded) {
        await this.guard(...guarded);
      }
      await action();
      // The list first, then the sentence: once it shows, the rows (and their buttons) are the changed ones.
      await this.load(false, true);
      this.say(done);
    } catch (error) {
      if (error instanceof SessionExpired) {
        this.onSessionEnded();
        return;
      }
      if (!(error instanceof Refused)) {
        console.warn(`Users screen: could not ${what}`, error);
      }
      this.say(explainAdmin(error, what), true);
    }
  }

  /** Throws {@link Refused} when the screen will not do `action` to `user` (guards.js), before any change. */
  async guard(action, user, toGroup) {
    const admins = ['move', 'disable'].includes(action) ? await this.admin.enabledAdmins() : [];
    // A move is judged on the groups the user is in now: added to Admins elsewhere, they are an administrator.
    const current = action === 'move' ? { ...user, groups: await this.admin.groupsOf(user.username) } : user;
    const why = refusal(action, current, this.session.username, admins, toGroup);
    if (why) {
      throw new Refused(why);
    }
  }

  async load(append, keepStatus = false) {
    try {
      const page = await this.admin.page(append ? this.next : undefined);
      const rows = page.users.map((user) => this.row(user));
      if (append) {
        $('users-rows').append(...rows);
      } else {
        $('users-rows').replaceChildren(...rows);
      }
      this.next = page.next;
      $('users-more').hidden = !this.next;
      if (!keepStatus) {
        this.say(shown($('users-rows').children.length, 'user'));
      }
    } catch (error) {
      if (error instanceof SessionExpired) {
        this.onSessionEnded();
        return;
      }
      this.say(explainAdmin(error, 'list the users'), true);
    }
  }

  async create() {
    const username = $('new-username').value.trim();
    const password = $('new-user-password').value;
    const group = $('new-user-group').value || null;
    await this.act(`create ${username}`, () => this.admin.create(username, password, group),
      `Created ${username}${group ? ` in ${group}` : ' in no group'}. Give them the temporary password: their first `
      + 'sign-in asks for their own.');
    if (!$('users-status').classList.contains('error')) {
      $('new-username').value = '';
      $('new-user-password').value = '';
    }
  }

  row(user) {
    const tr = document.createElement('tr');
    const cells = [user.username, `${user.status}${user.enabled ? '' : ' · disabled'}`,
      user.groups.length ? user.groups.join(', ') : 'no group',
      { true: 'TOTP on', false: 'off' }[user.totp] ?? 'unknown'].map((text) => {
      const td = document.createElement('td');
      td.textContent = text;
      return td;
    });
    const actions = document.createElement('td');
    actions.className = 'row-actions';
    const select = document.createElement('select');
    select.id = `group-of-${user.username.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    [...GROUPS, ''].forEach((group) => select.append(new Option(group || 'no group', group)));
    select.value = user.groups[0] ?? '';
    const label = document.createElement('label');
    label.htmlFor = select.id;
    label.textContent = `Group of ${user.username}`;
    label.className = 'visually-hidden';
    const button = (text, handler) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary';
      b.textContent = text;
      b.addEventListener('click', handler);
      return b;
    };
    const name = user.username;
    actions.append(label, select,
      button(`Move ${name}`, () => {
        const group = select.value || null;
        // Out of the groups the user is in now, not those read when the screen loaded.
        this.act(`move ${name}`, async () => this.admin.move(name, await this.admin.groupsOf(name), group),
          `${name} is now in ${group ?? 'no group'}. ${TAKES_EFFECT}`, ['move', user, group]);
      }),
      button(`${user.enabled ? 'Disable' : 'Enable'} ${name}`, () => this.act(
        `${user.enabled ? 'disable' : 'enable'} ${name}`, () => this.admin.setEnabled(name, !user.enabled),
        user.enabled ? `${name} is disabled: they cannot sign in or renew their session. Credentials already `
          + 'issued work until they expire (at most an hour).' : `${name} is enabled again.`,
        user.enabled ? ['disable', user] : null)),
      button(`Sign out ${name} everywhere`, () => this.act(`sign ${name} out everywhere`,
        () => this.admin.signOutEverywhere(name), `${name} is signed out everywhere: their session ends at its next `
          + 'renewal. Credentials already issued work until they expire (at most an hour).', ['sign-out', user])),
      ...(user.totp ? [button(`Reset ${name}'s TOTP`, () => this.act(`reset ${name}'s TOTP`,
        () => this.admin.resetTotp(name), `${name}'s two-factor sign-in is off: their next sign-in takes the password `
          + `alone${user.groups.includes('Admins') ? ', without administrator rights until they set it up again' : ''}`
          + '. Sessions already signed in keep going until they renew.', ['reset-totp', user]))] : []),
      button(`Reset ${name}'s password`, () => {
        const password = temporaryPassword();
        this.act(`reset ${name}'s password`, () => this.admin.resetPassword(name, password),
          `New temporary password for ${name}: ${password} (give it to them; their next sign-in asks for their own).`,
          ['reset', user]);
      }));
    tr.append(...cells, actions);
    return tr;
  }
}
