# Production image: compiled JavaScript on Node 20, without development dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
USER node
EXPOSE 4000
# A larger young generation keeps garbage collection short when a change fans out to thousands
# of subscribers (see docs/benchmarks.md, live update delivery).
CMD ["node", "--max-semi-space-size=64", "dist/app/main.js"]
