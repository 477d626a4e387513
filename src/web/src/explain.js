// Every answer other than success, in words a person can act on. The function's refusals carry {"error",
// "message"} (see docs/calling-the-api.md); API Gateway's carry a message whose exact words and casing AWS does not
// document, so they are shown, never matched. A refusal's kind comes from what is reliable: the status, the call
// having been retried with fresh credentials (see main.js), and the clock against the answer's Date.
import { UNREAD } from './api.js';

// SigV4 refuses a signature dated more than 5 minutes away from the service's clock.
const MAX_SKEW_MS = 5 * 60 * 1000;

/** A sentence for a refused or failed call of `method` by a member of `groups`, to the API at `apiUrl`. */
export function explain(answer, method, groups, apiUrl) {
  const body = answer.body ?? {};
  const group = groups.length ? groups.join(', ') : 'no group';
  if (answer.status === UNREAD) {
    return explainUnread(answer.unread, method, group, apiUrl);
  }
  if (answer.status === 403 && body.error === undefined) {
    const skew = clockSkewMinutes(answer.headers);
    if (skew !== null) {
      return `Refused by API Gateway: this computer's clock is ${skew} minutes off. Set it right and try again.`;
    }
    const said = body.message ?? body.Message;
    const detail = said && said.toLowerCase() !== 'forbidden' ? ` (API Gateway said: ${said})` : '';
    return `Refused by API Gateway: your group ${group} may not call ${method} /test.${detail}`;
  }
  if (answer.status === 403) {
    return `Refused by the API: ${body.message}`;
  }
  if (answer.status === 400) {
    return `The API did not accept the request: ${body.message}`;
  }
  if (answer.status === 409) {
    return `Conflict: ${body.message}`;
  }
  if (answer.status === 413) {
    return 'The message is too large for the API.';
  }
  if (answer.status === 503) {
    const wait = answer.headers.retryAfter ?? '1';
    return `The item store is busy right now (${body.message ?? 'unavailable'}). Retry in ${wait} s: your message `
      + 'will be stored once, even if the first try got through.';
  }
  if (answer.status >= 500) {
    return `The API failed to answer (HTTP ${answer.status}). Try again later.`;
  }
  return `Unexpected answer from the API: HTTP ${answer.status}.`;
}

function explainUnread(unread, method, group, apiUrl) {
  switch (unread) {
    case 'unreachable':
      return `The API at ${apiUrl} could not be reached. Check your connection and try again.`;
    case 'refused':
      return `Refused by API Gateway (the browser could not read the details): your group ${group} may not call `
        + `${method} /test.`;
    default:
      return `Refused by API Gateway (the browser could not read the details): your group ${group} may not call `
        + `${method} /test, or this page's address is not among the API's allowed origins, or this computer's clock `
        + 'is off.';
  }
}

/** Minutes between this computer's clock and the API's, when the answer's Date shows more than SigV4 allows. */
function clockSkewMinutes(headers) {
  const served = Date.parse(headers?.date ?? '');
  if (Number.isNaN(served)) {
    return null;
  }
  const skew = Math.abs(headers.receivedAt - served);
  return skew > MAX_SKEW_MS ? Math.round(skew / 60_000) : null;
}

/** Cognito's password-policy refusal, said of `what` ("That password", "That temporary password"). */
export function weakPassword(message, what) {
  return message.replace(/^Password does not conform to policy: /, `${what} is too weak: `);
}

/** A sentence for a failure of sign-in or of the identity pool. */
export function explainSignIn(error) {
  switch (error.name) {
    case 'NotAuthorizedException':
      return error.message.includes('ambiguous role mapping')
        ? 'Your account is in no group that may use this API. Ask an administrator to add you to FullAccess or '
          + 'ReadOnlyAccess.'
        : error.message;
    case 'InvalidPasswordException':
      return weakPassword(error.message, 'That password');
    case 'UserNotFoundException':
      return 'Incorrect username or password.';
    case 'InvalidIdentityPoolConfigurationException':
      return 'The identity pool is misconfigured: the role of your group does not trust it. Tell an administrator.';
    case 'TypeError':
      return 'The sign-in service could not be reached. Check your connection and try again.';
    default:
      return `Sign-in failed: ${error.message}`;
  }
}

/** A sentence for a hosted-UI sign-in that came back refused or whose code could not be traded for tokens. */
export function explainHostedSignIn(error) {
  // oauth4webapi's errors carry the OAuth error code (access_denied, invalid_grant…) in `error`.
  if (error.error) {
    return `Sign-in through the hosted UI did not complete (${error.error}${error.error_description
      ? `: ${error.error_description}` : ''}). Please sign in again.`;
  }
  return explainSignIn(error);
}

/** "1 item shown.", "3 items shown.": a count of `noun`s said as a person says it. */
export function shown(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'} shown.`;
}
