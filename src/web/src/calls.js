// The API buttons' calls and what happens when API Gateway refuses them: renew the credentials and try once more,
// and tell a refusal from an outage when the browser could not read the answer.
import { UNREAD } from './api.js';
import { explainSignIn } from './explain.js';
import { SessionExpired } from './session.js';
import { status } from './view.js';

export class Calls {
  /** `onSessionEnded` is called when the session cannot be renewed: the app goes back to sign-in. */
  constructor(session, api, onSessionEnded) {
    this.session = session;
    this.api = api;
    this.onSessionEnded = onSessionEnded;
  }

  /**
   * Runs a call of `method` /test. Any refusal by API Gateway, readable or not, may be credentials that expired as
   * the gateway's clock sees them: renew them and try once more (POST re-sends its Idempotency-Key, so it never
   * stores twice). An answer still unreadable is then looked into, so that a refusal is never reported as an outage,
   * nor the other way round. A session that cannot be renewed goes back to sign-in.
   */
  async call(method, request) {
    try {
      let answer = await request();
      if (answer.maybeGatewayRefusal) {
        if (answer.status === UNREAD && !(await this.api.reachable())) {
          answer.unread = 'unreachable';
          return answer;
        }
        await this.session.renew();
        answer = await request();
      }
      if (answer.status === UNREAD) {
        answer.unread = await this.lookInto(method);
      }
      return answer;
    } catch (error) {
      if (error instanceof SessionExpired) {
        this.onSessionEnded();
        return null;
      }
      if (error instanceof TypeError) {
        status('The sign-in service could not be reached to renew your credentials. Check your connection and try '
          + 'again.', true);
        return null;
      }
      console.error('Renewing the credentials failed', error);
      status(explainSignIn(error), true);
      return null;
    }
  }

  /**
   * Why a call with fresh credentials got no readable answer: the API is down ('unreachable'); or it answered but
   * not readably. A readable answer to a GET (which every group may call) then shows this page may read the API's
   * answers, so the POST was refused by API Gateway ('refused'); otherwise it may also be CORS or the clock
   * ('refused-or-origin').
   */
  async lookInto(method) {
    if (!(await this.api.reachable())) {
      return 'unreachable';
    }
    if (method !== 'GET' && (await this.api.list(1, null)).status !== UNREAD) {
      return 'refused';
    }
    return 'refused-or-origin';
  }
}
