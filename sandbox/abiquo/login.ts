/** `GET /api/login` (the current user; Basic auth opens the session), the user's own user and role resources. */
import {forbidden, notFound} from './errors.ts';
import type {Route} from './http.ts';
import {idParam} from './http.ts';
import {privilegesDto, roleDto, userDto} from './representations.ts';

export const loginRoutes: Route[] = [
  {
    method: 'GET',
    path: /^\/login$/,
    produces: ['user'],
    login: true,
    handle: (ctx) => ({status: 200, body: userDto(ctx, ctx.user, ctx.url.searchParams.get('expand') === 'privileges')}),
  },
  {
    method: 'GET',
    path: /^\/admin\/enterprises\/(\d+)\/users\/(\d+)$/,
    produces: ['user'],
    handle: (ctx) => {
      const user = ctx.store.users.get(idParam(ctx, 1));
      if (!user || user.enterpriseId !== idParam(ctx)) throw notFound('The requested user does not exist');
      if (user.id !== ctx.user.id && !ctx.store.privilegesOf(ctx.user).has('USERS_MANAGE_USERS')) throw forbidden();
      return {status: 200, body: userDto(ctx, user, false)};
    },
  },
  {
    method: 'GET',
    path: /^\/admin\/roles\/(\d+)(\/action\/privileges)?$/,
    produces: ['role', 'privileges'],
    handle: (ctx) => {
      const role = ctx.store.roles.get(idParam(ctx));
      if (!role) throw notFound('The requested role does not exist');
      if (role.id !== ctx.user.roleId && !ctx.store.privilegesOf(ctx.user).has('USERS_MANAGE_ROLES')) throw forbidden();
      return ctx.params[1] ? {status: 200, type: 'privileges', body: privilegesDto(ctx, role)} : {status: 200, type: 'role', body: roleDto(ctx, role)};
    },
  },
];
