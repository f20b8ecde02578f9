import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class GiveKudosDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toUserId!: string;

  @ApiProperty({ example: 'Thanks for the pairing session!' })
  @IsString()
  @Length(1, 280)
  message!: string;
}

export class KudosViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  fromUserId!: string;
  @ApiProperty({ format: 'uuid' })
  toUserId!: string;
  @ApiProperty()
  message!: string;
}
