// Every answer other than success, in words a person can act on. API Gateway's refusals carry {"message"}, the
// function's carry {"error", "message"} (see README "The HTTP contract").

const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** True when API Gateway refused the credentials as expired: renew them and try once more. */
export function credentialsExpired(answer) {
  return answer.status === 403 && answer.body?.message?.startsWith(EXPIRED_TOKEN);
}

/** A sentence for a refused or failed call of {@code method} by a member of {@code groups}. */
export function explain(answer, method, groups) {
  const body = answer.body ?? {};
  const group = groups.length ? groups.join(', ') : 'no group';
  if (answer.status === 403 && body.error === undefined) {
    if (body.message === 'Forbidden') {
      return `Refused by API Gateway: your group ${group} may not call ${method} /test.`;
    }
    return `Refused by API Gateway: ${body.message ?? 'the request was not accepted'}.`;
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

/** A sentence for a failure of sign-in or of the identity pool. */
export function explainSignIn(error) {
  switch (error.name) {
    case 'NotAuthorizedException':
      return error.message.includes('ambiguous role mapping')
        ? 'Your account is in no group that may use this API. Ask an administrator to add you to FullAccess or '
          + 'ReadOnlyAccess.'
        : error.message;
    case 'InvalidPasswordException':
      return error.message.replace(/^Password does not conform to policy: /, 'That password is too weak: ');
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
