import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person. Global, not tenant-owned: one person can belong to several organizations. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-cased: addresses are compared case-insensitively. */
  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
