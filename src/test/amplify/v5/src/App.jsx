import { useState } from 'react';
import { Auth, Signer } from 'aws-amplify';
import { withAuthenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import axios from 'axios';
import { config } from './config';

// Note: the page never reads the ID token's `cognito:groups` claim. The identity
// pool chooses the IAM role from the token; the page only passes the raw ID token on.

function App({ signOut }) {
  const [apiResponse, setApiResponse] = useState(null);

  const getCredentials = async () => {
    const session = await Auth.currentSession();
    const idToken = session.getIdToken().getJwtToken();
    const clientConfig = { region: config.region };
    if (config.cognitoIdentityEndpoint) clientConfig.endpoint = config.cognitoIdentityEndpoint;
    return fromCognitoIdentityPool({
      clientConfig,
      identityPoolId: config.identityPoolId,
      logins: {
        ['cognito-idp.' + config.region + '.amazonaws.com/' + config.userPoolId]: idToken,
      },
    })();
  };

  const callApi = async (request) => {
    try {
      const credentials = await getCredentials();
      const signedRequest = Signer.sign(
        request,
        {
          access_key: credentials.accessKeyId,
          secret_key: credentials.secretAccessKey,
          session_token: credentials.sessionToken,
        },
        { service: 'execute-api', region: config.region }
      );
      const response = await axios(signedRequest);
      setApiResponse(response.data);
      window.__compat.lastError = null;
    } catch (error) {
      console.log(error);
      window.__compat.lastError = String(error);
      setApiResponse({ message: 'Not allowed!!' });
    }
  };

  const callGetApi = () => callApi({ method: 'GET', url: config.apiUrl + '/test' });

  const callPostApi = () =>
    callApi({
      method: 'POST',
      url: config.apiUrl + '/test',
      data: JSON.stringify({ message: 'hello from amplify v5 ' + Date.now() }),
    });

  return (
    <div className="App">
      <button onClick={callGetApi}>Call GET API endpoint</button>
      <button onClick={callPostApi}>Call POST API endpoint</button>
      <button onClick={signOut}>Sign out</button>
      <p id="api-response">{apiResponse ? apiResponse.message : ''}</p>
    </div>
  );
}

export default withAuthenticator(App);
