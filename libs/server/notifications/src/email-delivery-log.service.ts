import { Injectable } from '@nestjs/common';
import { pageOf } from '@mentorship/platform';
import { EmailDeliveryPageDto, EmailDeliveryQueryDto, EmailDeliveryViewDto } from './dto/email-delivery.dto';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';

/** Reads the organization's email ledger for its admins (the tenant comes from the request). */
@Injectable()
export class EmailDeliveryLogService {
  constructor(private readonly deliveries: EmailDeliveryRepository) {}

  async list(query: EmailDeliveryQueryDto): Promise<EmailDeliveryPageDto> {
    const found = await this.deliveries.log({
      status: query.status,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(query, found, (row) => EmailDeliveryViewDto.of(row));
  }
}
