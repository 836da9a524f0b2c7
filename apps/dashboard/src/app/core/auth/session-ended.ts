/** `?reason=` of the login page after a 401: the session ended without the server saying why. */
export const SESSION_ENDED = 'expired';
