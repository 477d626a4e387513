import { GROUPS, UserAdmin } from './admin.js';
import { shown } from './explain.js';
import { SessionExpired } from './session.js';

const $ = (id) => document.getElementById(id);

// When what an administrator changes reaches the user: said where it matters (docs/browser-app.md).
const TAKES_EFFECT = 'It applies when their session renews: the app renews the ID token (which carries the groups) '
  + 'before it expires, at the latest within the hour; credentials already issued keep their role until they expire '
  + '(at most an hour). To make them sign in again sooner, sign them out everywhere.';

/** What the API did besides, when someone leaves Admins or loses their TOTP (docs/mfa.md, "What ends when"). */
const SIGNED_OUT = 'They are signed out everywhere: their refresh tokens no longer work and the identity pool '
  + 'refuses the ID tokens they hold. AWS credentials already issued keep their role until they expire (at most an '
  + 'hour).';

/** A refused or failed admin call, in words: the API's own sentence when it gave one. */
export function explainAdmin(error, what) {
  if (error.name === 'AdminRefused') {
    return error.message;
  }
  if (error.name === 'TypeError') {
    return 'The API could not be reached. Check your connection and try again.';
  }
  return `Could not ${what}: ${error.message}`;
}

/**
 * The Users screen, for a user whose role is the admin role: users with their status and groups (paged), and the
 * actions an administrator needs, each one call to the API's administration routes, which judge it (admin.js).
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

  /** Runs one admin action; a refusal is said in the API's words, an ended session goes back to sign-in. */
  async act(what, action, done) {
    try {
      const result = await action();
      // The list first, then the sentence: once it shows, the rows (and their buttons) are the changed ones.
      await this.load(false, true);
      this.say(typeof done === 'function' ? done(result) : done);
    } catch (error) {
      if (error instanceof SessionExpired) {
        this.onSessionEnded();
        return;
      }
      if (error.name !== 'AdminRefused') {
        console.warn(`Users screen: could not ${what}`, error);
      }
      this.say(explainAdmin(error, what), true);
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
    const group = $('new-user-group').value || null;
    await this.act(`create ${username}`, () => this.admin.create(username, group),
      (password) => `Created ${username}${group ? ` in ${group}` : ' in no group'}. Temporary password: ${password} `
        + '(give it to them; their first sign-in asks for their own).');
    if (!$('users-status').classList.contains('error')) {
      $('new-username').value = '';
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
        // The API moves them out of the groups they are in now, not those read when the screen loaded.
        const leavesAdmins = user.groups.includes('Admins') && group !== 'Admins';
        this.act(`move ${name}`, () => this.admin.move(name, group),
          `${name} is now in ${group ?? 'no group'}. ${leavesAdmins ? SIGNED_OUT : TAKES_EFFECT}`);
      }),
      button(`${user.enabled ? 'Disable' : 'Enable'} ${name}`, () => this.act(
        `${user.enabled ? 'disable' : 'enable'} ${name}`, () => this.admin.setEnabled(name, !user.enabled),
        user.enabled ? `${name} is disabled: they cannot sign in or renew their session. ${SIGNED_OUT}`
          : `${name} is enabled again.`)),
      button(`Sign out ${name} everywhere`, () => this.act(`sign ${name} out everywhere`,
        () => this.admin.signOutEverywhere(name), `${name} is signed out everywhere: their session ends at its next `
          + 'renewal. Credentials already issued work until they expire (at most an hour).')),
      ...(user.totp ? [button(`Reset ${name}'s TOTP`, () => this.act(`reset ${name}'s TOTP`,
        () => this.admin.resetTotp(name), `${name}'s two-factor sign-in is off: their next sign-in takes the password `
          + `alone, and they set up a new authenticator before turning it on again. ${SIGNED_OUT}`))] : []),
      button(`Reset ${name}'s password`, () => this.act(`reset ${name}'s password`,
        () => this.admin.resetPassword(name), (password) => `New temporary password for ${name}: ${password} (give `
          + 'it to them; their next sign-in asks for their own).')));
    tr.append(...cells, actions);
    return tr;
  }
}
