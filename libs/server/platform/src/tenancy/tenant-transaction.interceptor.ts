import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { TenancyService } from './tenancy.service';
import { tenantOfRequest } from './tenant-request';

/**
 * Wraps every tenant route's handler in the tenant's transaction. The access guard has
 * already checked the membership and put the organization on the request.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(private readonly tenancy: TenancyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const tenant = tenantOfRequest(context.switchToHttp().getRequest());
    if (!tenant) return next.handle();
    return from(
      this.tenancy.runInTenant(tenant.organizationId, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      ),
    );
  }
}
