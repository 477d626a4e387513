// The stack's three roles, as config.json names them (the stack's Outputs FullAccessRoleArn, ReadAccessRoleArn and
// AdminRoleArn), each with the group it belongs to. The app tells a caller's group from their role by comparing the
// role with these exactly: no guess from a role's name.
const ROLE_KEYS = [['fullAccessRoleArn', 'FullAccess'], ['readAccessRoleArn', 'ReadOnlyAccess'], ['adminRoleArn', 'Admins']];

export const ROLE_CONFIG_KEYS = ROLE_KEYS.map(([key]) => key);

/**
 * The group whose role `caller` ({role, accountId}, as the API reports a caller or an item's author) has, or null.
 * A role ARN here is `arn:PARTITION:iam::ACCOUNT:role/NAME` (the template's roles have no path): the caller's role
 * is that role when the account and `role/NAME` are equal.
 */
export function groupOfRole(config, caller) {
  if (!caller?.role || !caller.accountId) {
    return null;
  }
  const match = ROLE_KEYS.find(([key]) => {
    const [, , service, , account, resource] = config[key].split(':');
    return service === 'iam' && account === caller.accountId && resource === `role/${caller.role}`;
  });
  return match ? match[1] : null;
}
