export { IpModule } from './ip.module';
export { FilmIpReader } from './film-ip.reader';
export type { FilmIpSummary } from './film-ip.reader';
export { FilmIpService } from './film-ip.service';
export { FilmIp } from './film-ip.types';
export { toFilmIp } from './film-ip.resolver';
