import { BadRequestException, ConflictException, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';

/** Stable codes integrators can match on; the message is safe to show, details stay in the log. */
export enum AuthErrorCode {
  InvalidCredentials = 'AUTH_INVALID_CREDENTIALS',
  WrongCurrentPassword = 'AUTH_WRONG_CURRENT_PASSWORD',
  PasswordUnchanged = 'AUTH_PASSWORD_UNCHANGED',
  NotAuthenticated = 'AUTH_NOT_AUTHENTICATED',
  Forbidden = 'AUTH_FORBIDDEN',
  EmailTaken = 'USER_EMAIL_TAKEN',
  UserNotFound = 'USER_NOT_FOUND',
  LastAdmin = 'USER_LAST_ADMIN',
  SelfChange = 'USER_SELF_CHANGE',
  TokenNotFound = 'TOKEN_NOT_FOUND',
  TokenRoleTooHigh = 'TOKEN_ROLE_TOO_HIGH',
  /** = AUTH_ERROR_CODES.personRequired (contracts) */
  PersonRequired = 'AUTH_PERSON_REQUIRED',
  /** = AUTH_ERROR_CODES.ownPasswordViaChange (contracts) */
  OwnPasswordViaChange = 'USER_OWN_PASSWORD_VIA_CHANGE',
}

const body = (statusCode: number, error: string, code: AuthErrorCode, message: string) => ({
  statusCode,
  error,
  code,
  message,
});

export const invalidCredentials = () =>
  new UnauthorizedException(body(401, 'Unauthorized', AuthErrorCode.InvalidCredentials, 'Wrong email or password'));
export const notAuthenticated = () =>
  new UnauthorizedException(
    body(401, 'Unauthorized', AuthErrorCode.NotAuthenticated, 'Sign in, or send a valid Bearer token'),
  );
export const forbidden = (required: string) =>
  new ForbiddenException(body(403, 'Forbidden', AuthErrorCode.Forbidden, `This needs the ${required} role`));
export const emailTaken = () =>
  new ConflictException(body(409, 'Conflict', AuthErrorCode.EmailTaken, 'A user with this email already exists'));
export const userNotFound = () =>
  new NotFoundException(body(404, 'Not Found', AuthErrorCode.UserNotFound, 'No such user'));
export const lastAdmin = () =>
  new ConflictException(
    body(409, 'Conflict', AuthErrorCode.LastAdmin, 'At least one active admin must remain'),
  );
export const selfChange = () =>
  new ConflictException(
    body(409, 'Conflict', AuthErrorCode.SelfChange, 'You cannot disable yourself or change your own role'),
  );
export const tokenNotFound = () =>
  new NotFoundException(body(404, 'Not Found', AuthErrorCode.TokenNotFound, 'No such API token'));
export const tokenRoleTooHigh = () =>
  new ForbiddenException(
    body(403, 'Forbidden', AuthErrorCode.TokenRoleTooHigh, 'A token cannot have a higher role than its creator'),
  );
export const wrongCurrentPassword = () =>
  new BadRequestException(
    body(400, 'Bad Request', AuthErrorCode.WrongCurrentPassword, 'The current password is not right'),
  );
export const personRequired = () =>
  new ForbiddenException(
    body(
      403,
      'Forbidden',
      AuthErrorCode.PersonRequired,
      'API tokens act for integrators: managing users, tokens and passwords needs a signed-in person',
    ),
  );
export const ownPasswordViaChange = () =>
  new ForbiddenException(
    body(
      403,
      'Forbidden',
      AuthErrorCode.OwnPasswordViaChange,
      'Change your own password with POST /api/auth/password, which asks for the current one',
    ),
  );
export const passwordUnchanged = () =>
  new BadRequestException(
    body(400, 'Bad Request', AuthErrorCode.PasswordUnchanged, 'Choose a new password that differs from the current one'),
  );
