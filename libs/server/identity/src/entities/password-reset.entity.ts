import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One emailed password-reset link. Only the token's SHA-256 is stored; it works once. */
@Entity({ name: 'password_resets' })
export class PasswordResetEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text', { name: 'token_hash' })
  tokenHash!: string;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;

  @Column('timestamptz', { name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
