/**
 * What other contexts may use of media: the uploads' summaries (owner and image URLs) through `MediaService`, and
 * the GraphQL image type. Uploading and serving are this context's own HTTP routes (POST /media, GET /media/:key).
 */
export { MediaModule, mediaStorageFor } from './media.module';
export { MediaService, mediaUrl } from './media.service';
export type { MediaSummary, PrivateFile, PrivateMediaSummary } from './media.service';
export { MediaImage } from './media.types';
export { MediaStorage } from './media-storage.port';
export type { StoredObject } from './media-storage.port';
export { LocalDiskMediaStorage } from './local-disk.media-storage';
export { S3MediaStorage } from './s3.media-storage';
export { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, processImage, sniffImageFormat } from './image-processing';
