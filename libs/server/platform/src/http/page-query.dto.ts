import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@mentorship/contracts';
import { IntegerParam } from './integer-param';

/**
 * The last page a list may ask for: an offset of at most 10^8 rows, far past any
 * organization's list, and a number PostgreSQL's OFFSET and JavaScript both hold exactly.
 */
export const MAX_PAGE = 1_000_000;

/** Every list is paginated with a bounded page size: a page past the bound is a 400, not a slow query. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IntegerParam({ min: 1, max: MAX_PAGE })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IntegerParam({ min: 1, max: MAX_PAGE_SIZE })
  pageSize = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}
