import type { S3Client } from '@aws-sdk/client-s3';
import type { MediaS3Config } from '@chedun/config';
import { Readable } from 'node:stream';
import { isStoredKey, MediaStorage, StoredObject } from './media-storage.port';

type S3Sdk = typeof import('@aws-sdk/client-s3');

/** A storage failure, without the SDK's own error (request ids, endpoints) reaching the client; the cause is logged. */
export class MediaStorageError extends Error {}

/**
 * Production storage on S3 or any S3-compatible server, through the official AWS SDK. Objects are written once per
 * content address with a year's cache lifetime, so a CDN in front of the bucket may serve them as they are.
 */
export class S3MediaStorage extends MediaStorage {
  readonly location: string;
  private client: Promise<{ client: S3Client; sdk: S3Sdk }> | undefined;

  constructor(private readonly config: MediaS3Config) {
    super();
    this.location = `s3://${config.bucket}/${config.prefix}`;
  }

  /** The SDK (about 20 MB resident) is loaded on the first read or write, not at start (#18). */
  private sdk(): Promise<{ client: S3Client; sdk: S3Sdk }> {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, client: this.createClient(sdk) }));
    return this.client;
  }

  private createClient({ S3Client }: S3Sdk): S3Client {
    const config = this.config;
    return new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Since 2025 the SDK adds trailing checksums (aws-chunked uploads) by default, which several S3-compatible
      // servers refuse; only where the API requires a checksum is one sent.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    try {
      const { client, sdk } = await this.sdk();
      const { PutObjectCommand } = sdk;
      await client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key: this.objectKey(key),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    } catch (error) {
      throw new MediaStorageError(`Storing ${key} in ${this.location} failed: ${describe(error)}`, { cause: error });
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const { client, sdk } = await this.sdk();
    const { GetObjectCommand, NoSuchKey, S3ServiceException } = sdk;
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      if (!(answer.Body instanceof Readable)) throw new MediaStorageError(`Reading ${key}: the SDK gave no stream`);
      return { body: answer.Body, size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404))
        return null;
      if (error instanceof MediaStorageError) throw error;
      throw new MediaStorageError(`Reading ${key} from ${this.location} failed: ${describe(error)}`, { cause: error });
    }
  }

  private objectKey(key: string): string {
    if (!isStoredKey(key)) throw new MediaStorageError(`Not a media key: ${key.slice(0, 80)}`);
    return `${this.config.prefix}${key}`;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
