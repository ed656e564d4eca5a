import {ASSUMED} from './assumptions.ts';

/** An Abiquo error answer: thrown by handlers, turned into `{"collection":[{code,message}]}` by the router. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string) => ({collection: [{code, message}]});

const c = ASSUMED.codes;
export const unauthorized = () => new ApiError(401, c.unauthorized, 'Authentication is required to access this resource');
export const forbidden = () => new ApiError(403, c.forbidden, 'Not enough permissions to perform this action');
export const notFound = (what = 'The requested resource does not exist') => new ApiError(404, c.notFound, what);
export const badRequest = (code: string, message: string) => new ApiError(400, code, message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const stale = () => new ApiError(409, '409-CONFLICT-StaleObject', 'Another request has updated this entity');
