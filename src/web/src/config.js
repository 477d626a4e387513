import { ROLE_CONFIG_KEYS } from './roles.js';

// The stack this bundle talks to, read at start from config.json beside it: the same bundle serves any stack.
// Fields: region, userPoolId, userPoolClientId, identityPoolId, apiUrl; the roles' ARNs fullAccessRoleArn,
// readAccessRoleArn, adminRoleArn (roles.js); hostedUiUrl when the pool has a hosted-UI domain (the app then offers
// sign-in through it); and for the local cloud only cognitoIdpEndpoint and cognitoIdentityEndpoint.
export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json could not be loaded (HTTP ${response.status}).`);
  }
  const config = await response.json();
  for (const key of ['region', 'userPoolId', 'userPoolClientId', 'identityPoolId', 'apiUrl', ...ROLE_CONFIG_KEYS]) {
    if (!config[key]) {
      throw new Error(`config.json has no ${key}.`);
    }
  }
  return config;
}

/** The user pool as its tokens' issuer and the identity pool's Logins key name it: cognito-idp.REGION.amazonaws.com/ID. */
export function userPoolProvider(config) {
  return `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
}

/** The ID token's iss: the provider over https in AWS; locally, the local user pool's URL with the pool id. */
export function userPoolIssuer(config) {
  return config.cognitoIdpEndpoint ? `${config.cognitoIdpEndpoint}/${config.userPoolId}`
    : `https://${userPoolProvider(config)}`;
}
