import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgRoute } from '@mentorship/platform';
import { EmailDeliveryPageDto, EmailDeliveryQueryDto } from './dto/email-delivery.dto';
import { EmailDeliveryLogService } from './email-delivery-log.service';

/** The organization's delivery log, for its admins: every email, and the ones that did not go. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('orgs/:orgId')
export class EmailDeliveriesController {
  constructor(private readonly log: EmailDeliveryLogService) {}

  @Get('email-deliveries')
  @ApiOperation({
    summary: 'The organization’s emails, newest first: sent, retrying, failed with the reason',
  })
  @ApiOkResponse({ type: EmailDeliveryPageDto })
  @OrgRoute(['admin'], { 400: ['validation_failed'] })
  list(@Query() query: EmailDeliveryQueryDto): Promise<EmailDeliveryPageDto> {
    return this.log.list(query);
  }
}
