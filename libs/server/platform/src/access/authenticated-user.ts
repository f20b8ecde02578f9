import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The signed-in caller, as the access token says. */
export interface AuthenticatedUser {
  id: string;
  email: string;
}

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) throw new Error('CurrentUser used on a route without a signed-in policy');
    return user;
  },
);
