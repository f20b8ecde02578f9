import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A tenant. Its row is isolated by its own id. */
@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
