import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { tenantOfRequest } from '../tenancy/tenant-request';
import { ShutdownLogger } from './shutdown-logger';

/** JSON logs; each request line carries its request id and, on tenant routes, its organization. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (request: IncomingMessage, response) => {
            const incoming = request.headers['x-request-id'];
            const id =
              typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
            response.setHeader('x-request-id', id);
            return id;
          },
          customProps: (request: IncomingMessage) => {
            const tenant = tenantOfRequest(request);
            return tenant ? { organizationId: tenant.organizationId } : {};
          },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          autoLogging: { ignore: (request: IncomingMessage) => request.url === '/health' },
        },
      }),
    }),
  ],
  providers: [ShutdownLogger],
})
export class LoggingModule {}
