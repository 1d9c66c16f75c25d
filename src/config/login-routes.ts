/**
 * Routes a burst or a stray request could lock real users out of, or that providers watch for brute force.
 * Matched on path segments so /v1/products is fine and /v1/auth/token is not.
 */
const LOGIN_SEGMENT = /^(log-?in|log-?on|sign-?in|sign-?up|register|auth|oauth2?|sso|saml|session|sessions|token|tokens|password|passwords|reset-password|forgot-password|otp|2fa|mfa|verify|callback)$/i;

export function isLoginRoute(path: string): boolean {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return pathname
    .split('/')
    .filter(Boolean)
    .some((segment) => LOGIN_SEGMENT.test(segment));
}
