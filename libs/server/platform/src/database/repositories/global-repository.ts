import type { EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { insertUnlessDuplicate } from './unique-violation';
import type { UnitOfWork } from './unit-of-work';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Base of repositories over tables no tenant owns (people, their sessions): queries run in
 * the current UnitOfWork's transaction when there is one.
 */
export abstract class GlobalRepository<E extends ObjectLiteral> {
  protected constructor(
    private readonly entity: EntityTarget<E>,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  protected get repository(): Repository<E> {
    return this.unitOfWork.manager().getRepository(this.entity);
  }

  /**
   * Raw SQL, for a hot read whose query builder would be rebuilt on every call (TypeORM
   * assembles `findOneBy` afresh each time: metadata walk, alias escaping, parameter
   * replacement). Rows come back as the driver reads them: alias the columns to the fields.
   * Sent straight through `pg` (`UnitOfWork.query`), past TypeORM's query runner.
   */
  protected sql<R>(text: string, parameters: unknown[] = []): Promise<R[]> {
    return this.unitOfWork.query<R[]>(text, parameters);
  }

  /** False when a unique index refuses the row (e.g. a taken email). */
  protected insertUnlessDuplicate(values: QueryDeepPartialEntity<E>): Promise<boolean> {
    return insertUnlessDuplicate(this.unitOfWork.manager(), this.entity, values);
  }
}
