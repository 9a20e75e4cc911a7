import { describe } from "vitest";
import { writeTogetherCases } from "@/tests/write-together-cases";

// On the local file: one Prisma transaction.
describe("writeTogether on a local file", writeTogetherCases);
