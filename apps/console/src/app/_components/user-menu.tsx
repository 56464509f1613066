/**
 * The signed-in user's menu (who, role, sign out) has its place at the end of the header. Sessions are being
 * built separately; until they land there is nobody to show, and the slot renders nothing.
 */
export function UserMenu() {
  return null;
}
