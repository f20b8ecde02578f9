export * from './matching.module';
export * from './matching.context';
export * from './matching.exception';
export * from './matching.audit';
export * from './mentor-places.service';
export * from './jobs/match-request-expiry.job';
export * from './dto/match-request.dto';
export * from './dto/suggestion.dto';
export { MentorIndexService } from './mentor-index.service';
