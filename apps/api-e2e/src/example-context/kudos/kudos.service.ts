import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { JobOutbox, TenantContext } from '@mentorship/platform';
import { GiveKudosDto, KudosViewDto } from './dto/kudos.dto';
import { kudosAnnouncementJob } from './jobs/kudos-announcement.job';
import { KudosAudit } from './kudos.audit';
import { KudosException } from './kudos.exception';
import { KudosRepository } from './repositories/kudos.repository';

@Injectable()
export class KudosService {
  constructor(
    private readonly kudos: KudosRepository,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
  ) {}

  /** From the caller to another member; its announcement follows once the write commits. */
  async give(input: GiveKudosDto): Promise<KudosViewDto> {
    const from = TenantContext.caller().userId;
    if (input.toUserId === from) throw KudosException.toSelf();
    const kudos = { id: randomUUID(), fromUserId: from, toUserId: input.toUserId, message: input.message };
    await this.kudos.add({ ...kudos, announcedAt: null });
    await this.audit.record({ action: KudosAudit.given, target: { type: 'kudos', id: kudos.id } });
    await this.outbox.enqueue(kudosAnnouncementJob, { kudosId: kudos.id });
    return kudos;
  }

  async mine(): Promise<KudosViewDto[]> {
    const received = await this.kudos.receivedBy(TenantContext.caller().userId);
    return received.map(({ id, fromUserId, toUserId, message }) => ({ id, fromUserId, toUserId, message }));
  }
}
