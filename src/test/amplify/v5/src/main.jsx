import React from 'react';
import ReactDOM from 'react-dom/client';
import { Amplify } from 'aws-amplify';
import { config, loadConfig } from './config';
import App from './App';

// Tiny debug hook for tests: whether the page is configured, and the last API error.
window.__compat = { ready: false, lastError: null };

loadConfig().then(() => {
  const auth = {
    region: config.region,
    userPoolId: config.userPoolId,
    userPoolWebClientId: config.userPoolClientId,
  };
  // Local cloud: the user pool endpoint; absent => AWS's real endpoint.
  if (config.cognitoIdpEndpoint) auth.endpoint = config.cognitoIdpEndpoint;
  Amplify.configure({ Auth: auth });

  ReactDOM.createRoot(document.getElementById('root')).render(
    <React.StrictMode>
      <App />
    </React.StrictMode>
  );
  window.__compat.ready = true;
}).catch((e) => {
  window.__compat.lastError = String(e);
  document.getElementById('root').textContent = 'Failed to load config.json: ' + e;
});
