import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgRoute } from '@mentorship/platform';
import { PersonalBoardDto } from './dto/personal-board.dto';
import { MatchingException } from './matching.exception';
import { PersonalBoardService } from './personal-board.service';

const menteeUserId = new ParseUUIDPipe({ exceptionFactory: () => MatchingException.personalBoardNotFound() });

/** A mentee's personal board: their mentors by mentor type, the types missing, a suggestion for each. */
@ApiTags('personal-boards')
@ApiBearerAuth()
@Controller('orgs/:orgId/personal-boards')
export class PersonalBoardController {
  constructor(private readonly boards: PersonalBoardService) {}

  // Any member for their own board; coordinators and admins for anyone's (the service decides).
  @Get(':userId')
  @ApiOperation({
    summary:
      "A mentee's current mentors across programs by mentor type, the types missing, and a suggestion for each",
    description:
      'Open to the member themselves and to coordinators and admins; for anyone else the board is not there (404). Current mentors are matches in trial or active.',
  })
  @ApiOkResponse({ type: PersonalBoardDto })
  @OrgRoute([], { 404: ['personal_board_not_found'] })
  get(@Param('userId', menteeUserId) userId: string): Promise<PersonalBoardDto> {
    return this.boards.of(userId);
  }
}
